"use client";

import { Component, type ReactNode } from "react";

/** A form that cannot render this config (an imported, badly broken one) falls back to the JSON editor. */
export class ConfigErrorBoundary extends Component<
  { fallback: ReactNode; resetKey: unknown; children: ReactNode },
  { failed: boolean; key: unknown }
> {
  override state = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError(): Partial<{ failed: boolean }> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey: unknown }, state: { failed: boolean; key: unknown }) {
    return props.resetKey !== state.key ? { failed: false, key: props.resetKey } : null;
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
