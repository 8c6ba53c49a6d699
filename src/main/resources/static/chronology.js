// A child's chronology: reads GET /api/children?laChildId= and /api/children/{id}/chronology (read only).
(function () {
  const status = document.getElementById('status');
  const table = document.getElementById('chronology');

  async function getJson(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(response.status === 401 ? 'Please sign in (Tasklist) first' : 'Error ' + response.status);
    }
    return response.json();
  }

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
