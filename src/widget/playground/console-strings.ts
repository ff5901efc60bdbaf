// The support console's own words (/playground: heading, controls, group titles, status lines, the
// decision view's headings) in every language the brands' policies speak, as the badge keeps its own
// (../widget-strings.ts). Policy wording (fact and value labels, remedies, summaries, reasons) comes
// localized from the API; codes (fact names, reason codes, sheet references, statuses) stay as they are,
// since agents quote them. Every table is a `ConsoleStrings`: a string missing in a language does not compile.

/** The claim form's groups (fact-groups.ts), by id. */
export interface FactGroupTitles {
  purchase: string;
  dates: string;
  conditions: string;
  causes: string;
}

export interface ConsoleStrings {
  pageTitle: string; // <title>
  siteName: string;
  navDemo: string;
  navPlayground: string;
  navDocs: string;
  heading: string;
  intro: string;
  brand: string;
  language: string;
  decide: string;
  clear: string;
  share: string; // the link that holds the claim
  result: string; // the decision section's accessible name
  groups: FactGroupTitles;
  notSent: string; // an enum's empty option
  deciding: string;
  ready: (brand: string) => string;
  decided: (brand: string) => string; // when the decision has no summary
  notDecided: (problem: string) => string;
  cannotLoad: (brand: string, why: string) => string;
  cannotList: (why: string) => string;
  savedVersion: (brand: string, version: string) => string;
  decidedBy: string; // before the deciding row's reference
  details: string;
  deadline: string; // before a remedy's deadline, in its details
  evidence: string;
  otherDeadline: (window: string) => string;
  unknown: string; // a deadline the claim cannot place
  explain: string; // the trace's toggle
  windows: string;
  windowColumns: { window: string; label: string; starts: string; deadline: string; status: string };
  derived: string;
  notEstablished: string; // before the facts not sent
  trace: string;
  noRowMatched: string;
  hitPolicy: (policy: string) => string;
  meta: (brand: string, version: string, asOf: string, locale: string) => string;
}

const EN_DECIDE = 'Decide';
const EN: ConsoleStrings = {
  pageTitle: 'Policy playground',
  siteName: 'Warranty & returns at the edge',
  navDemo: 'Demo store',
  navPlayground: 'Playground',
  navDocs: 'API docs',
  heading: 'Policy playground',
  intro:
    "Answer a customer's question from the brand's published policy: fill in what the customer said, in their language, and leave the rest empty. The answer reads as the customer would hear it, each remedy with the sheet row that decided it, and the address bar holds the claim, ready to share.",
  brand: 'Brand',
  language: 'Language',
  decide: EN_DECIDE,
  clear: 'Clear',
  share: 'Link to this claim',
  result: 'Decision',
  groups: { purchase: 'Purchase and request', dates: 'Dates', conditions: 'Conditions', causes: 'Causes (each may refuse a remedy)' },
  notSent: '— not sent —',
  deciding: 'Deciding…',
  ready: (brand) => `${brand}: fill in what you know and press ${EN_DECIDE}.`,
  decided: (brand) => `${brand}: decided.`,
  notDecided: (problem) => `The claim was not decided: ${problem}`,
  cannotLoad: (brand, why) => `Cannot load ${brand}: ${why}`,
  cannotList: (why) => `Cannot list brands: ${why}`,
  savedVersion: (brand, version) => `${brand}: now showing the version just saved, ${version}.`,
  decidedBy: 'Decided by',
  details: 'Details',
  deadline: 'deadline',
  evidence: 'evidence',
  otherDeadline: (window) => `${window} deadline`,
  unknown: 'unknown',
  explain: 'Time windows, derived facts and the rows that matched',
  windows: 'Time windows',
  windowColumns: { window: 'window', label: 'label', starts: 'starts', deadline: 'deadline', status: 'status' },
  derived: 'Derived facts',
  notEstablished: 'Not established (not sent): ',
  trace: 'Rows that matched',
  noRowMatched: 'no row matched',
  hitPolicy: (policy) => ` (hit policy ${policy}): `,
  meta: (brand, version, asOf, locale) => `${brand} policy ${version}, as of ${asOf}, in ${locale}`,
};

const DE_DECIDE = 'Entscheiden';
const DE: ConsoleStrings = {
  pageTitle: 'Richtlinien-Testumgebung',
  siteName: 'Garantie & Rückgabe am Edge',
  navDemo: 'Demo-Shop',
  navPlayground: 'Testumgebung',
  navDocs: 'API-Dokumentation',
  heading: 'Richtlinien-Testumgebung',
  intro:
    'Beantworten Sie die Frage eines Kunden anhand der veröffentlichten Richtlinie der Marke: Tragen Sie ein, was der Kunde gesagt hat, in seiner Sprache, und lassen Sie alles andere leer. Die Antwort ist so formuliert, wie der Kunde sie hören würde, jeder Anspruch mit der Tabellenzeile, die über ihn entschieden hat, und die Adresszeile enthält die Anfrage, bereit zum Teilen.',
  brand: 'Marke',
  language: 'Sprache',
  decide: DE_DECIDE,
  clear: 'Leeren',
  share: 'Link zu dieser Anfrage',
  result: 'Entscheidung',
  groups: {
    purchase: 'Kauf und Anliegen',
    dates: 'Datumsangaben',
    conditions: 'Voraussetzungen',
    causes: 'Ursachen (jede kann einen Anspruch ausschließen)',
  },
  notSent: '— nicht angegeben —',
  deciding: 'Wird entschieden …',
  ready: (brand) => `${brand}: Tragen Sie ein, was Sie wissen, und klicken Sie auf „${DE_DECIDE}“.`,
  decided: (brand) => `${brand}: entschieden.`,
  notDecided: (problem) => `Die Anfrage wurde nicht entschieden: ${problem}`,
  cannotLoad: (brand, why) => `${brand} kann nicht geladen werden: ${why}`,
  cannotList: (why) => `Die Marken können nicht geladen werden: ${why}`,
  savedVersion: (brand, version) => `${brand}: Angezeigt wird jetzt die soeben gespeicherte Version ${version}.`,
  decidedBy: 'Entschieden durch',
  details: 'Details',
  deadline: 'Frist bis',
  evidence: 'Nachweise',
  otherDeadline: (window) => `Frist ${window}`,
  unknown: 'unbekannt',
  explain: 'Fristen, abgeleitete Fakten und die zutreffenden Zeilen',
  windows: 'Fristen',
  windowColumns: { window: 'Frist', label: 'Bezeichnung', starts: 'Beginn', deadline: 'Ende', status: 'Status' },
  derived: 'Abgeleitete Fakten',
  notEstablished: 'Nicht festgestellt (nicht angegeben): ',
  trace: 'Zutreffende Zeilen',
  noRowMatched: 'keine Zeile trifft zu',
  hitPolicy: (policy) => ` (Trefferregel ${policy}): `,
  meta: (brand, version, asOf, locale) => `Richtlinie ${brand} ${version}, Stand ${asOf}, Sprache ${locale}`,
};

const FR_DECIDE = 'Décider';
const FR: ConsoleStrings = {
  pageTitle: 'Simulateur de politique',
  siteName: 'Garantie et retours en périphérie',
  navDemo: 'Boutique de démo',
  navPlayground: 'Simulateur',
  navDocs: "Documentation de l'API",
  heading: 'Simulateur de politique',
  intro:
    "Répondez à la question d'un client à partir de la politique publiée de la marque : saisissez ce que le client a dit, dans sa langue, et laissez le reste vide. La réponse est formulée comme le client l'entendrait, chaque solution avec la ligne de tableau qui l'a décidée, et la barre d'adresse contient la demande, prête à être partagée.",
  brand: 'Marque',
  language: 'Langue',
  decide: FR_DECIDE,
  clear: 'Effacer',
  share: 'Lien vers cette demande',
  result: 'Décision',
  groups: {
    purchase: 'Achat et demande',
    dates: 'Dates',
    conditions: 'Conditions',
    causes: 'Causes (chacune peut exclure une solution)',
  },
  notSent: '— non renseigné —',
  deciding: 'Décision en cours…',
  ready: (brand) => `${brand} : renseignez ce que vous savez, puis cliquez sur « ${FR_DECIDE} ».`,
  decided: (brand) => `${brand} : décision rendue.`,
  notDecided: (problem) => `Aucune décision pour cette demande : ${problem}`,
  cannotLoad: (brand, why) => `Impossible de charger ${brand} : ${why}`,
  cannotList: (why) => `Impossible de charger les marques : ${why}`,
  savedVersion: (brand, version) => `${brand} : affichage de la version qui vient d'être enregistrée, ${version}.`,
  decidedBy: 'Décidé par',
  details: 'Détails',
  deadline: 'date limite',
  evidence: 'justificatifs',
  otherDeadline: (window) => `date limite ${window}`,
  unknown: 'inconnue',
  explain: 'Délais, faits dérivés et lignes retenues',
  windows: 'Délais',
  windowColumns: { window: 'délai', label: 'libellé', starts: 'début', deadline: 'date limite', status: 'statut' },
  derived: 'Faits dérivés',
  notEstablished: 'Non établis (non renseignés) : ',
  trace: 'Lignes retenues',
  noRowMatched: 'aucune ligne retenue',
  hitPolicy: (policy) => ` (règle de sélection ${policy}) : `,
  meta: (brand, version, asOf, locale) => `Politique ${brand} ${version}, au ${asOf}, langue ${locale}`,
};

const TABLES: Readonly<Record<string, ConsoleStrings>> = { en: EN, de: DE, fr: FR };

/** The languages the console speaks, English first (the fallback). */
export const CONSOLE_LANGUAGES: readonly string[] = Object.keys(TABLES);

/** The console's words for a language (`de-AT` → German) and the language they are in: English when the table lacks it. */
export function consoleStrings(locale: string): { lang: string; strings: ConsoleStrings } {
  const lang = locale.slice(0, 2).toLowerCase();
  const strings = TABLES[lang];
  return strings ? { lang, strings } : { lang: 'en', strings: EN };
}

const ARGUMENT = '\u0000';

/**
 * Every fixed phrase of a table, by key: its strings as they are, its functions' templates split where
 * their arguments go (`meta` → "policy", ", as of", ", in"), trimmed. For tests that look for a language's
 * words on a page, or check that none is empty.
 */
export function phrasesOf(strings: ConsoleStrings): { key: string; phrases: string[] }[] {
  const walk = (value: unknown, key: string): { key: string; phrases: string[] }[] => {
    if (typeof value === 'string') return [{ key, phrases: [value.trim()] }];
    if (typeof value === 'function') {
      const filled = String(value(...Array.from({ length: value.length }, () => ARGUMENT)));
      return [
        {
          key,
          phrases: filled
            .split(ARGUMENT)
            .map((p) => p.trim())
            .filter(Boolean),
        },
      ];
    }
    return Object.entries(value as object).flatMap(([k, v]) => walk(v, key ? `${key}.${k}` : k));
  };
  return walk(strings, '');
}
