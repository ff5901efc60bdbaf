// The badge's own words (section titles, who pays, "counted from") in every language the brands'
// policies speak. Policy wording (headline, labels, exclusions) comes localized from the API.

export interface WidgetStrings {
  title: string;                 // the badge's accessible name, after the brand
  windows: string;
  remedies: string;
  exclusions: string;
  countedFrom: (dates: string) => string; // "delivery date or purchase date" → "counted from the delivery date or purchase date"
  subject: Record<string, string>; // fee field → what is paid
  paidBy: string;
  you: string;
  or: string;
  depends: string;
  restocking: string;
  deductions: string;
}

const EN: WidgetStrings = {
  title: 'warranty and returns',
  windows: 'Time limits',
  remedies: 'What you can ask for',
  exclusions: 'Not covered',
  countedFrom: (dates) => `counted from the ${dates}`,
  subject: {
    return_shipping_paid_by: 'Return shipping', original_shipping_paid_by: 'Original shipping',
    repair_fee_paid_by: 'Repair', replacement_fee_paid_by: 'Replacement fee', ship_back_to_customer_paid_by: 'Shipping back to you',
  },
  paidBy: 'paid by',
  you: 'you',
  or: 'or',
  depends: '(depending on the case)',
  restocking: 'Restocking fee',
  deductions: 'May be deducted',
};

const DE: WidgetStrings = {
  title: 'Garantie und Rückgabe',
  windows: 'Fristen',
  remedies: 'Was Sie verlangen können',
  exclusions: 'Nicht abgedeckt',
  countedFrom: (dates) => `ab dem ${dates}`,
  subject: {
    return_shipping_paid_by: 'Rückversand', original_shipping_paid_by: 'Hinversand',
    repair_fee_paid_by: 'Reparatur', replacement_fee_paid_by: 'Austauschgebühr', ship_back_to_customer_paid_by: 'Rücksendung an Sie',
  },
  paidBy: 'zahlt',
  you: 'Sie',
  or: 'oder',
  depends: '(je nach Fall)',
  restocking: 'Wiedereinlagerungsgebühr',
  deductions: 'Mögliche Abzüge',
};

const FR: WidgetStrings = {
  title: 'garantie et retours',
  windows: 'Délais',
  remedies: 'Ce que vous pouvez demander',
  exclusions: 'Non couvert',
  countedFrom: (dates) => `point de départ : ${dates}`,
  subject: {
    return_shipping_paid_by: 'Frais de retour', original_shipping_paid_by: "Frais d'envoi initiaux",
    repair_fee_paid_by: 'Réparation', replacement_fee_paid_by: 'Frais de remplacement', ship_back_to_customer_paid_by: 'Renvoi chez vous',
  },
  paidBy: 'à la charge de',
  you: 'vous',
  or: 'ou',
  depends: '(selon le cas)',
  restocking: 'Frais de restockage',
  deductions: 'Déductions possibles',
};

const STRINGS: Record<string, WidgetStrings> = { en: EN, de: DE, fr: FR };

/** `de-AT` → German; anything unknown → English. */
export const stringsFor = (locale: string): WidgetStrings => STRINGS[locale.slice(0, 2).toLowerCase()] ?? EN;
