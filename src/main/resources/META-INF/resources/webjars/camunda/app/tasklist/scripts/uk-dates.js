// Loaded by Tasklist through config.js's customScripts, before any form is shown.
//
// form-js (Camunda Forms) shows, and reads what is typed into, a date field in the pattern of
// new Intl.DateTimeFormat() with no locale, i.e. the browser's language: mm/dd/yyyy in a browser set
// to US English, which is what most machines arrive with. A social worker in England types 03/04/2026
// meaning 3 April. Formats that name no locale here get en-GB; a locale named explicitly is kept.
const BrowserDateTimeFormat = Intl.DateTimeFormat;

const UK = 'en-GB';

function unnamed(locales) {
  return locales === undefined || locales === null || locales === 'default'
    || (Array.isArray(locales) && locales.length === 0);
}

function DateTimeFormat(locales, options) {
  return new BrowserDateTimeFormat(unnamed(locales) ? UK : locales, options);
}

DateTimeFormat.prototype = BrowserDateTimeFormat.prototype;
DateTimeFormat.supportedLocalesOf = BrowserDateTimeFormat.supportedLocalesOf.bind(BrowserDateTimeFormat);

Intl.DateTimeFormat = DateTimeFormat;

// no Tasklist plugin: nothing to export
export default [];
