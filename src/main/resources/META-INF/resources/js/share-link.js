// The new share link (recap.ShareResource): select it on focus, and copy it with one click.
const field = document.getElementById('share-url');
const button = document.getElementById('share-copy');
const status = document.getElementById('share-copied');

if (field && button && status) {
  field.addEventListener('focus', () => field.select());
  if (navigator.clipboard) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        status.textContent = 'Copied.';
      } catch {
        field.focus();
        status.textContent = 'Select the link and copy it.';
      }
    });
  }
}
