// Cockpit settings of the children's social care service (replaces the webjar's config.js).
export default {
  app: {
    name: 'Cockpit',
    vendor: "Children's social care"
  }
};
