// Shared by the pages: read-only JSON from /api with the Tasklist login (the webapp session).
window.csc = {
  async getJson(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(response.status === 401 ? 'Please sign in (Tasklist) first' : 'Error ' + response.status);
    }
    return response.json();
  }
};
