const numbers = new Intl.NumberFormat('zh-CN');
const times = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Shanghai' });

export const byId = (id) => document.getElementById(id);

/** A count as the offices write it: 1,234. */
export const count = (value) => numbers.format(value);

export const dateTime = (iso) => times.format(new Date(iso));

/** An element with attributes (`dataset` for data-*) and children; text is never parsed as HTML. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'dataset') {
      Object.assign(element.dataset, value);
    }
    else if (value !== undefined && value !== null && value !== false) {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  element.append(...children.flat());
  return element;
}

/** The row header of an area: a button that opens the overview of that area. */
export function areaButton(code, name, open) {
  const button = el('button', { type: 'button', class: 'area-link', dataset: { areaCode: code } }, name);
  button.addEventListener('click', () => open(code));
  return button;
}

/** A numeric cell; `field` names the figure for anyone reading the table by script (and the tests). */
export const numberCell = (field, value) => el('td', { class: 'num', dataset: { field } }, count(value));
