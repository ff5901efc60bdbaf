// The badge's own words (section titles, "counted from", "show more") in every language the brands' policies
// speak. Policy wording (headline, labels, who pays, fees, exclusions) comes localized from the API.

export interface WidgetStrings {
  title: string; // the badge's accessible name, after the brand
  windows: string;
  remedies: string;
  exclusions: string;
  countedFrom: (dates: string) => string; // "delivery date or purchase date" → "from the delivery date or purchase date"
  or: string;
  more: (count: number) => string; // the exclusions' "more" toggle
  fewer: string;
}

const EN: WidgetStrings = {
  title: 'warranty and returns',
  windows: 'Time limits',
  remedies: 'What you can ask for',
  exclusions: 'Not covered',
  countedFrom: (dates) => `from the ${dates}`,
  or: 'or',
  more: (n) => `Show ${n} more`,
  fewer: 'Show fewer',
};

const DE: WidgetStrings = {
  title: 'Garantie und Rückgabe',
  windows: 'Fristen',
  remedies: 'Was Sie verlangen können',
  exclusions: 'Nicht abgedeckt',
  countedFrom: (dates) => `ab dem ${dates}`,
  or: 'oder',
  more: (n) => `${n} weitere anzeigen`,
  fewer: 'Weniger anzeigen',
};

const FR: WidgetStrings = {
  title: 'garantie et retours',
  windows: 'Délais',
  remedies: 'Ce que vous pouvez demander',
  exclusions: 'Non couvert',
  countedFrom: (dates) => `point de départ : ${dates}`,
  or: 'ou',
  more: (n) => `Afficher ${n} de plus`,
  fewer: 'Afficher moins',
};

const STRINGS: Record<string, WidgetStrings> = { en: EN, de: DE, fr: FR };

/** `de-AT` → German; anything unknown → English. */
export const stringsFor = (locale: string): WidgetStrings => STRINGS[locale.slice(0, 2).toLowerCase()] ?? EN;
