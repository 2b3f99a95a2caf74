"use client";

import { useMemo } from "react";
import { useConnectorChoices } from "../connectors";

/** Whether a connector's integration profile is complete, as `connectors.list` reports it. */
export interface ConnectorProfileStatus {
  name: string;
  complete: boolean;
  missing: string[];
  profilePath: string;
}

/** The connectors' profile completeness by connector id; `undefined` until `connectors.list` answers. */
export function useConnectorProfiles(): ReadonlyMap<string, ConnectorProfileStatus> | undefined {
  const list = useConnectorChoices();
  return useMemo(
    () =>
      list &&
      new Map(
        list.map((c) => [
          c.id,
          {
            name: c.name,
            complete: c.completeness.complete,
            missing: c.completeness.missing,
            profilePath: c.profilePath,
          },
        ]),
      ),
    [list],
  );
}
