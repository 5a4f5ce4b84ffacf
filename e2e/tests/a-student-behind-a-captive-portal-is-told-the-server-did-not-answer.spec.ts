import { expect, test } from '../fixtures/test.js';
import { createClassAndOpenDashboard, fillJoinForm } from '../fixtures/classroom.js';

const PORTAL_PAGE = '<!doctype html><title>School Wi-Fi</title><form>Sign in to use the network</form>';

test('a student behind a captive portal is told the server did not answer, then joins once past it', async ({
  teacher,
  studentA: ada,
}) => {
  const { joinCode } = await createClassAndOpenDashboard(teacher, 'Ratios');
  // The portal answers every request to the server with its login page, as a 200 (a school Wi-Fi's way).
  await ada.page.route('**/api/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: PORTAL_PAGE }),
  );
  await fillJoinForm(ada, joinCode, 'Ada');
  await expect(ada.page.getByRole('alert')).toHaveText(
    "Can't reach Conjecture. Check the Wi-Fi — a school network may ask you to sign in first — and try again.",
  );
  await expect(ada.page.getByRole('button', { name: 'Join' })).toBeEnabled();

  await ada.page.unroute('**/api/**');
  await ada.page.getByRole('button', { name: 'Join' }).click();
  await ada.page.waitForURL(/\/class\/[A-Za-z0-9_-]+/);
  await expect(ada.page.getByTestId('class-bar')).toContainText('Ada');
});
