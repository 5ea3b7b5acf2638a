// The index: each event's JSON Schema, as the gateway serves it.
fetch('data/event-schemas.json').then((response) => response.json()).then((schemas) => {
  const list = document.getElementById('schema-list');
  for (const schema of schemas) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `/openapi/events/${schema.path}`;
    link.textContent = `${schema.service} · ${schema.event}`;
    item.append(link);
    list.append(item);
  }
});
