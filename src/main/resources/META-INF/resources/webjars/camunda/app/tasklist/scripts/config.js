// Timescales' Tasklist configuration: Camunda's documented override of app/tasklist/scripts/config.js
// (its default is in camunda-webapp-webjar 7.24.0; what is not set here keeps Camunda's default).
// Dates as the UK writes them, whatever language the practitioner's browser is set to.
export default {
  // Tasklist's own dates (due dates, follow-up dates, the task's history), moment.js formats:
  // day before month, 24-hour clock
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'D MMM YYYY, HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd D MMMM YYYY, HH:mm',
    short: 'DD/MM/YYYY'
  },

  // Camunda ships en and de; everyone reads the English one
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  },

  // The Camunda Forms' date fields (form-js) take their format from the browser's default locale and
  // have no setting of their own: uk-dates makes that default British English (dd/mm/yyyy).
  // a11y-labels names Tasklist's icon-only buttons and links for screen readers (README, "Accessibility").
  customScripts: ['scripts/uk-dates', 'scripts/a11y-labels'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
