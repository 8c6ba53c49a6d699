// Tasklist settings of the children's social care service (replaces the webjar's config.js).
export default {
  // Header and browser title: "Children's social care Tasklist".
  app: {
    name: 'Tasklist',
    vendor: "Children's social care"
  },
  // UK dates and 24-hour times in task lists (moment.js formats).
  dateFormat: {
    normal: 'D MMM YYYY, HH:mm',
    long: 'dddd D MMMM YYYY, HH:mm'
  },
  disableWelcomeMessage: true,

  // Kept from the webjar's default configuration.
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
