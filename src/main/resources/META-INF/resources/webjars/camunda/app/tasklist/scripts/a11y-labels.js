// Loaded by Tasklist through config.js's customScripts (Camunda's documented extension point).
//
// Names for Tasklist's icon-only controls, which a screen reader otherwise announces as "button" or
// "link" and nothing more (WCAG 2.2 4.1.2 Name, Role, Value; axe-core's button-name and link-name).
// Tasklist's Angular templates are compiled into its bundle and re-rendered as the page changes, so a
// MutationObserver names each such control as it appears: by the tooltip Tasklist already shows for
// it (on the control, inside it, or on its parent), or for the few with no tooltip, by what it does.
// A control that has text or a name of its own is left alone. The search field, a combobox in all but
// its role, gets role="combobox" so its aria-expanded is allowed (axe-core's aria-allowed-attr).

const NAMED = [
  ['button.region-toggle[data-region="filters"]', 'Show or hide the filters'],
  ['button.region-toggle[data-region="list"]', 'Show or hide the task list'],
  ['button.region-toggle[data-region="task"]', 'Show or hide the task'],
  ['button.maximize', 'Enlarge or restore the task'],
  ['button.dropdown-toggle[ng-disabled*="hasCriteriaSets"]', 'Saved searches'],
  ['.stored-criteria-set a.glyphicon-remove-sign', 'Delete this saved search'],
  ['.app-switch > a.dropdown-toggle', 'Switch to another Camunda app']
];

const CONTROLS = 'button, a[href], a[ng-click]';

// the text a reader is given: what is rendered (innerText), not text hidden by Tasklist's styles
function visibleText(control) {
  return (control.innerText || '').trim();
}

function hasOwnName(control) {
  return visibleText(control) !== '' || control.hasAttribute('aria-labelledby')
    || (control.hasAttribute('aria-label') && !control.hasAttribute('data-timescales-label'));
}

function tooltipOf(control) {
  const own = control.getAttribute('uib-tooltip');
  if (own && own.trim() && !own.includes('{{')) {
    return own.trim();
  }
  const inner = control.querySelector('[uib-tooltip]');
  const parent = control.parentElement && control.parentElement.closest('[uib-tooltip]');
  for (const holder of [inner, parent]) {
    const text = holder && holder.getAttribute('uib-tooltip');
    if (text && text.trim() && !text.includes('{{')) {
      return text.trim();
    }
  }
  return null;
}

function label(control, name) {
  if (name && control.getAttribute('aria-label') !== name) {
    control.setAttribute('aria-label', name);
    control.setAttribute('data-timescales-label', '');
  }
}

function nameAll(root) {
  for (const [selector, name] of NAMED) {
    root.querySelectorAll(selector).forEach(control => {
      if (!hasOwnName(control)) {
        label(control, name);
      }
    });
  }
  root.querySelectorAll(CONTROLS).forEach(control => {
    if (!hasOwnName(control) && !control.hasAttribute('data-timescales-label')) {
      label(control, tooltipOf(control));
    }
    else if (control.hasAttribute('data-timescales-label') && visibleText(control) === '') {
      // a tooltip that changes with the control's state ("Ascending" / "Descending", "Show more" / "Show less")
      const tooltip = tooltipOf(control);
      if (tooltip && !NAMED.some(([selector]) => control.matches(selector))) {
        label(control, tooltip);
      }
    }
  });
  root.querySelectorAll('input.main-field[aria-expanded]:not([role])').forEach(input => {
    input.setAttribute('role', 'combobox');
  });
}

let pending = false;

function schedule() {
  if (!pending) {
    pending = true;
    window.requestAnimationFrame(() => {
      pending = false;
      nameAll(document.body);
    });
  }
}

function start() {
  nameAll(document.body);
  new MutationObserver(schedule).observe(document.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['uib-tooltip', 'class', 'aria-expanded']
  });
}

if (document.body) {
  start();
}
else {
  document.addEventListener('DOMContentLoaded', start);
}

// no Tasklist plugin: nothing to export
export default [];
