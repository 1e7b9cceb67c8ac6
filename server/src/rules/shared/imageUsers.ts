import { canonicalRepository, parseImageRef } from "../../languages/imageRef";

/** The non-root user an image's own entrypoint and data directories are made for. */
export interface ImageUser {
  uid: number;
  /** The group that owns the data directory, for a pod's `fsGroup`. */
  gid: number;
}

const DEBIAN_SERVICE = { uid: 999, gid: 999 };

/**
 * Official images whose entrypoint steps down to a user of their own (Debian-based variants;
 * the Alpine variants where they differ). Run as another uid, they cannot read or write their
 * data directory.
 */
const OFFICIAL: Record<string, { debian: ImageUser; alpine?: ImageUser }> = {
  "library/postgres": { debian: DEBIAN_SERVICE, alpine: { uid: 70, gid: 70 } },
  "library/redis": { debian: DEBIAN_SERVICE, alpine: { uid: 999, gid: 1000 } },
  "library/mysql": { debian: DEBIAN_SERVICE },
  "library/mariadb": { debian: DEBIAN_SERVICE },
  "library/mongo": { debian: DEBIAN_SERVICE },
  "library/rabbitmq": { debian: DEBIAN_SERVICE, alpine: { uid: 100, gid: 101 } },
};

/** The image's own non-root user, for well-known images; undefined for others. */
export function imageUser(image: string | undefined): ImageUser | undefined {
  if (!image || /\$|\{\{/.test(image)) return undefined;
  const ref = parseImageRef(image);
  const repository = canonicalRepository(ref.repository);
  const official = OFFICIAL[repository];
  if (official) return /alpine/.test(ref.tag ?? "") ? official.alpine : official.debian;
  if (/(^|\/)bitnami\//.test(repository)) return { uid: 1001, gid: 1001 };
  if (repository.endsWith("/nginx-unprivileged")) return { uid: 101, gid: 101 };
  return undefined;
}
