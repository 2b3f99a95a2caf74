import type { Clock, ConnectorGateway, KnowledgeBase, Models, Ports, ReviewQueue, RunStore } from "../ports";

export interface LivePortDeps {
  clock: Clock;
  models: Models;
  connectors: ConnectorGateway;
  reviewQueue: ReviewQueue;
  runStore?: RunStore;
  knowledge?: KnowledgeBase;
}

/** Live: everything real, all injected (the server's adapters perform these ports). */
export function livePorts(deps: LivePortDeps): Ports {
  return {
    clock: deps.clock,
    models: deps.models,
    connectors: deps.connectors,
    reviewQueue: deps.reviewQueue,
    runStore: deps.runStore,
    knowledge: deps.knowledge,
  };
}
