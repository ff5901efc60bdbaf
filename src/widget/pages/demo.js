// /demo: the "Badge language" select sets every badge's lang attribute; the badges re-ask the API.
const select = document.getElementById('demo-lang');
select.addEventListener('change', () => {
  for (const badge of document.querySelectorAll('warranty-terms')) badge.setAttribute('lang', select.value);
});
