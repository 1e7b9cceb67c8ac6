import * as vscode from "vscode";

import type { Locale } from "../../server/src/engine/types";
import { buildFaultIndex } from "../../server/src/handbook/faultIndex";
import type { FaultIndex } from "../../server/src/protocol";
import { CategoryItem, type FaultIndexItem } from "./faultIndexItems";

/** How long a burst of "findings changed" notifications is gathered into one refresh. */
const REFRESH_DELAY_MS = 300;

export interface FaultIndexSource {
  /** The index with live findings, or `undefined` when the server cannot answer. */
  fetch(): Promise<FaultIndex | undefined>;
  locale: Locale;
}

/**
 * The fault-index view: the handbook's six categories, each with its symptoms, causes,
 * checklist and the workspace's findings. Without a server it still shows the handbook.
 */
export class FaultIndexTreeProvider
  implements vscode.TreeDataProvider<FaultIndexItem>, vscode.Disposable
{
  private readonly changed = new vscode.EventEmitter<FaultIndexItem | undefined>();
  private index: Promise<FaultIndex> | undefined;
  private timer: NodeJS.Timeout | undefined;

  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly source: FaultIndexSource) {}

  getTreeItem(item: FaultIndexItem): vscode.TreeItem {
    return item;
  }

  async getChildren(item?: FaultIndexItem): Promise<FaultIndexItem[]> {
    if (item) {
      return item.children();
    }

    const index = await this.load();

    return index.categories.map((category) => new CategoryItem(category, this.source.locale));
  }

  /** Forgets the current index; the view asks again at once. */
  refresh(): void {
    this.cancelScheduled();
    this.index = undefined;
    this.changed.fire(undefined);
  }

  /** Refreshes once a burst of changes has settled. */
  scheduleRefresh(): void {
    this.cancelScheduled();
    this.timer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  dispose(): void {
    this.cancelScheduled();
    this.changed.dispose();
  }

  private load(): Promise<FaultIndex> {
    const handbookOnly = (): FaultIndex => buildFaultIndex([]);

    this.index ??= this.source.fetch().then((index) => index ?? handbookOnly(), handbookOnly);
    return this.index;
  }

  private cancelScheduled(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }
}
