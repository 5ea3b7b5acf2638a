// The codebook's lists as tables and the division trees as nested lists, from the JSON the build wrote.
const element = (name, text, attributes = {}) => {
  const made = document.createElement(name);
  if (text !== undefined) {
    made.textContent = text;
  }
  Object.entries(attributes).forEach(([key, value]) => made.setAttribute(key, value));
  return made;
};

fetch('data/codebook.json').then((response) => response.json()).then((codebook) => {
  document.getElementById('edition').textContent = `(${codebook.version})`;
  const nav = document.getElementById('lists');
  const lists = document.getElementById('codebook');
  for (const [name, list] of Object.entries(codebook.lists)) {
    nav.append(element('a', `${list.indicator ?? ''} ${name}`.trim(), { href: `#${name}` }));
    const section = element('section', undefined, { id: name, class: 'codelist' });
    section.append(element('h2', `${list.indicator ? `${list.indicator} · ` : ''}${name}`));
    const facts = [list.field ? `字段 field ${list.field}` : null, list.multi ? '可多选 multiple' : null,
      list.applies_to ? `用于 used by ${list.applies_to.join(' ')}` : null, list.note].filter((fact) => fact);
    if (facts.length) {
      section.append(element('p', facts.join(' · ')));
    }
    if (list.options) {
      const table = element('table');
      const head = element('tr');
      head.append(element('th', '编码 code'), element('th', '名称 label'));
      table.append(head);
      for (const [code, label] of Object.entries(list.options)) {
        const row = element('tr');
        row.append(element('td', code), element('td', label));
        table.append(row);
      }
      section.append(table);
    } else if (list.range) {
      section.append(element('p', `${list.type}: ${list.range[0]}–${list.range[1]}`));
    }
    lists.append(section);
  }
});

fetch('data/areas.json').then((response) => response.json()).then((trees) => {
  const branch = (area) => {
    const item = element('li');
    item.append(element('code', area.code), document.createTextNode(` ${area.name}${area.poorVillage ? ' ★' : ''}`));
    if (area.children?.length) {
      const children = element('ul');
      area.children.forEach((child) => children.append(branch(child)));
      item.append(children);
    }
    return item;
  };
  const root = element('ul', undefined, { class: 'tree' });
  trees.forEach((tree) => root.append(branch(tree)));
  document.getElementById('tree').append(root);
});
