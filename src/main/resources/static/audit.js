// The auditor's view: reads GET /api/children?laChildId= and /api/children/{id}/audit (read only).
(function () {
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });
  const status = document.getElementById('status');
  const table = document.getElementById('trail');

  function text(value) {
    const span = document.createElement('span');
    span.textContent = value == null ? '' : String(value);
    return span;
  }

  const getJson = window.csc.getJson;

  async function show(event) {
    event.preventDefault();
    status.textContent = 'Loading…';
    table.hidden = true;
    try {
      const laChildId = document.getElementById('laChildId').value.trim();
      const found = await getJson('/api/children?laChildId=' + encodeURIComponent(laChildId));
      if (found.length === 0) {
        status.textContent = 'No child with that id.';
        return;
      }
      const query = new URLSearchParams();
      ['from', 'to', 'user'].forEach(name => {
        const value = document.getElementById(name).value.trim();
        if (value) query.set(name, value);
      });
      const entries = await getJson('/api/children/' + encodeURIComponent(found[0].childId) + '/audit?' + query);
      const body = table.querySelector('tbody');
      body.replaceChildren();
      entries.forEach(entry => {
        const row = body.insertRow();
        row.className = entry.kind.toLowerCase().replace(/_/g, '-');
        row.insertCell().append(text(when.format(new Date(entry.at))));
        row.insertCell().append(text(entry.user || 'system'));
        row.insertCell().append(text(entry.what));
        row.insertCell().append(text(entry.stage));
        const details = Object.entries(entry.details || {}).map(([k, v]) => k + ': ' + v).join('; ');
        row.insertCell().append(text(details));
      });
      status.textContent = entries.length + ' entries for ' + found[0].childId + '.';
      table.hidden = false;
    } catch (error) {
      status.textContent = error.message;
    }
  }

  document.getElementById('search').addEventListener('submit', show);
})();
