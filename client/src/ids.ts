/** Identifiers the manifest declares; kept in one place so code and manifest agree. */

export const CLIENT_ID = "twelveFactor";
export const CONFIG_SECTION = "twelveFactor";
export const VIEW_CONTAINER_ID = "twelveFactor";
export const FAULT_INDEX_VIEW_ID = "twelveFactor.faultIndex";
export const STATUS_ITEM_ID = "twelveFactor.status";

export const Commands = {
  showFaultIndex: "twelveFactor.showFaultIndex",
  refreshFaultIndex: "twelveFactor.refreshFaultIndex",
  restartServer: "twelveFactor.restartServer",
  showOutput: "twelveFactor.showOutput",
} as const;
