import type { Rule } from "../engine/rule";
import { rule as depNoLockfile } from "./dep-no-lockfile";
import { rule as depNoManifest } from "./dep-no-manifest";
import { rule as depUndeclared } from "./dep-undeclared";
import { rule as depUnpinnedNpm } from "./dep-unpinned-npm";
import { rule as depUnpinnedPython } from "./dep-unpinned-python";
import { rule as dockerNpmInstall } from "./docker-npm-install";
import { rule as dockerPipCache } from "./docker-pip-cache";
import { rule as dockerPipNoRequirements } from "./docker-pip-no-requirements";
import { rule as envFileCommitted } from "./env-file-committed";
import { rule as containerRoot } from "./container-root";
import { rule as dockerCmdShellForm } from "./docker-cmd-shell-form";
import { rule as hpaTargetNoCpuRequest } from "./hpa-target-no-cpu-request";
import { rule as k8sEmptydirState } from "./k8s-emptydir-state";
import { rule as k8sNoProbes } from "./k8s-no-probes";
import { rule as k8sNoResources } from "./k8s-no-resources";
import { rule as k8sSingleReplica } from "./k8s-single-replica";
import { rule as noSigtermHandler } from "./no-sigterm-handler";
import { rule as portHardcoded } from "./port-hardcoded";
import { rule as portLoopbackBind } from "./port-loopback-bind";
import { rule as parityFloatingTag } from "./parity-floating-tag";
import { rule as parityMissingDevService } from "./parity-missing-dev-service";
import { rule as paritySqliteVsServerDb } from "./parity-sqlite-vs-server-db";
import { rule as parityVersionMismatch } from "./parity-version-mismatch";
import { rule as portPrivileged } from "./port-privileged";
import { rule as procInlineBackgroundWork } from "./proc-inline-background-work";
import { rule as secretHardcoded } from "./secret-hardcoded";
import { rule as secretKnownFormat } from "./secret-known-format";
import { rule as secretInUrl } from "./secret-in-url";
import { rule as configHardcodedUrl } from "./config-hardcoded-url";
import { rule as configEnvUndocumented } from "./config-env-undocumented";
import { rule as configPerEnvBranch } from "./config-per-env-branch";
import { rule as debugEnabled } from "./debug-enabled";
import { rule as stateLocalUpload } from "./state-local-upload";
import { rule as tlsVerifyDisabled } from "./tls-verify-disabled";
import { rule as procDevServer } from "./proc-dev-server";
import { rule as scaleSessionAffinity } from "./scale-session-affinity";
import { rule as secretInDockerfile } from "./secret-in-dockerfile";
import { rule as scaleStickyIngress } from "./scale-sticky-ingress";
import { rule as secretInConfigmap } from "./secret-in-configmap";
import { rule as stateInMemorySession } from "./state-in-memory-session";
import { rule as stateLocalCache } from "./state-local-cache";
import { rule as stateMemoryStore } from "./state-memory-store";

/** Every rule of the product. */
export const RULES: readonly Rule[] = [
  // Kubernetes, compose and Dockerfile rules
  scaleSessionAffinity,
  k8sNoResources,
  k8sNoProbes,
  k8sSingleReplica,
  k8sEmptydirState,
  scaleStickyIngress,
  secretInConfigmap,
  parityVersionMismatch,
  hpaTargetNoCpuRequest,
  parityMissingDevService,
  paritySqliteVsServerDb,
  dockerCmdShellForm,
  containerRoot,
  parityFloatingTag,
  secretInDockerfile,
  procDevServer,
  // Source-code rules: secrets and configuration
  secretHardcoded,
  secretKnownFormat,
  secretInUrl,
  configHardcodedUrl,
  configEnvUndocumented,
  configPerEnvBranch,
  debugEnabled,
  tlsVerifyDisabled,
  // Source-code rules: state, ports, processes
  portHardcoded,
  portLoopbackBind,
  noSigtermHandler,
  portPrivileged,
  stateInMemorySession,
  stateMemoryStore,
  procInlineBackgroundWork,
  stateLocalCache,
  stateLocalUpload,
  // Dependency and manifest rules
  depUndeclared,
  depNoManifest,
  depUnpinnedPython,
  depUnpinnedNpm,
  depNoLockfile,
  dockerPipNoRequirements,
  dockerPipCache,
  dockerNpmInstall,
  envFileCommitted,
];
