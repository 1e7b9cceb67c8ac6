import type { Category, Localized } from "../engine/types";

/** One section of the handbook's fault index, as the handbook writes it. */
export interface FaultCategoryInfo {
  id: Category;
  /** Section number in the handbook (1–6). */
  section: number;
  /** The handbook's link target for the section, without the leading `#`. */
  anchor: string;
  /** The name in the fault index table. */
  title: Localized;
  /** The section's own heading. */
  heading: Localized;
  symptoms: Localized[];
  causes: Localized[];
  /** Twelve-Factor numbers that the section's steps name. */
  factors: number[];
  checklist: Localized[];
}
