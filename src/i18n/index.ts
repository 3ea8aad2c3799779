/** effekt's words and number formats in Danish and English: the catalogue and the formatters. */
export { CATALOGUE, isMessageKey, placeholders, t, type MessageKey, type MessageValues } from "./catalogue.js";
export { formatDate, formatNumber, formatPercent, formatPoints, formatPValue, separators } from "./numbers.js";
export { LANGS, type Entry, type Lang } from "./types.js";
export { langFrom, messageLang, setMessageLang, tm } from "./messageLang.js";
