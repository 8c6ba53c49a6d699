// A child's chronology: reads GET /api/children?laChildId= and /api/children/{id}/chronology (read only).
(function () {
  const status = document.getElementById('status');
  const table = document.getElementById('chronology');

  const getJson = window.csc.getJson;

  async function show(event) {
    event.preventDefault();
    status.textContent = 'Loading…';
    table.hidden = true;
    try {
      const found = await getJson('/api/children?laChildId=' + encodeURIComponent(document.getElementById('laChildId').value.trim()));
      if (found.length === 0) {
        status.textContent = 'No child with that id.';
        return;
      }
      const events = await getJson('/api/children/' + encodeURIComponent(found[0].childId) + '/chronology');
      const body = table.querySelector('tbody');
      body.replaceChildren();
      events.forEach(e => {
        const row = body.insertRow();
        [e.date, e.kind.replace(/_/g, ' ').toLowerCase(), e.what, e.worker || '', e.outcome || '']
          .forEach(value => { row.insertCell().textContent = value; });
      });
      status.textContent = events.length + ' events.';
      table.hidden = false;
    } catch (error) {
      status.textContent = error.message;
    }
  }

  document.getElementById('search').addEventListener('submit', show);
})();
