import dns from "node:dns";
import type { LookupFunction } from "node:net";
import { forbiddenAddressReason, SsrfRefusedError } from "./address-policy";

/**
 * A DNS lookup for `http.request({ lookup })` that refuses a host name when any of its addresses is
 * forbidden. Because the socket connects to exactly the addresses checked here, a DNS server that answers
 * differently the second time (DNS rebinding) gains nothing: there is no second time.
 */
export function guardedLookup(resolve: typeof dns.lookup = dns.lookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", undefined);
      const list = addresses as dns.LookupAddress[];
      for (const { address } of list) {
        const reason = forbiddenAddressReason(address);
        if (reason) {
          const refusal = new SsrfRefusedError(
            `Refused to connect to ${hostname}: it resolves to ${reason}. An admin can allow this host on the connector.`,
          );
          return callback(refusal as NodeJS.ErrnoException, "", undefined);
        }
      }
      if (list.length === 0)
        return callback(
          Object.assign(new Error(`${hostname} has no address.`), { code: "ENOTFOUND" }),
          "",
          undefined,
        );
      if (options.all)
        return (callback as unknown as (error: null, addresses: dns.LookupAddress[]) => void)(null, list);
      const [first] = list;
      callback(null, first!.address, first!.family);
    });
  };
}
