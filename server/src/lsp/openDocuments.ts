import type { TextDocument } from "vscode-languageserver-textdocument";
import type { TextDocuments } from "vscode-languageserver/node";
import { fileUri, filePathOf } from "./convert";

/**
 * The editor's open documents by local path: the URI the editor knows each by, its version, and
 * the version its findings were computed from.
 */
export class OpenDocuments {
  /** Open files and the URI the editor sent, which may encode the path differently. */
  private readonly uris = new Map<string, string>();
  private readonly analysedVersions = new Map<string, number>();

  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  /** Records an opened or changed document; returns its local path, if it has one. */
  track(uri: string): string | undefined {
    const file = filePathOf(uri);
    if (file) this.uris.set(file, uri);
    return file;
  }

  /** Forgets a closed document; returns its local path, if it has one. */
  untrack(uri: string): string | undefined {
    const file = filePathOf(uri);
    if (file) {
      this.uris.delete(file);
      this.analysedVersions.delete(file);
    }
    return file;
  }

  uriOf(file: string): string {
    return this.uris.get(file) ?? fileUri(file);
  }

  /** The version of an open document; null for a file that is not open. */
  versionOf(file: string): number | null {
    const uri = this.uris.get(file);
    return uri === undefined ? null : (this.documents.get(uri)?.version ?? null);
  }

  /** Notes that the findings of a file were just computed from its current text. */
  analysed(file: string): void {
    const version = this.versionOf(file);
    if (version === null) this.analysedVersions.delete(file);
    else this.analysedVersions.set(file, version);
  }

  /** Whether an open document changed since its findings were computed. */
  isStale(file: string): boolean {
    const version = this.versionOf(file);
    return version !== null && this.analysedVersions.get(file) !== version;
  }
}
