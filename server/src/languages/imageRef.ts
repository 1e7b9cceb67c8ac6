/** A container image reference split into its parts: `registry/path/name:tag@digest`. */
export interface ImageRef {
  /** Everything before the tag and digest, e.g. `registry.example.test/shop/api`. */
  repository: string;
  tag?: string;
  digest?: string;
  /** The last path segment, e.g. `api` for `registry.example.test/shop/api`. */
  name: string;
}

export function parseImageRef(reference: string): ImageRef {
  let rest = reference.trim();
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const name = rest.slice(rest.lastIndexOf("/") + 1);
  return { repository: rest, tag, digest, name };
}

/**
 * The repository as Docker Hub resolves it, so `python`, `library/python` and
 * `docker.io/library/python` compare equal.
 */
export function canonicalRepository(repository: string): string {
  let name = repository.toLowerCase().replace(/^(index\.)?docker\.io\//, "");
  if (!name.includes("/")) name = `library/${name}`;
  return name;
}

/** Whether a reference is built from variables or templates and so has no literal tag. */
export function isTemplated(reference: string): boolean {
  return /\$|\{\{|\}\}/.test(reference);
}
