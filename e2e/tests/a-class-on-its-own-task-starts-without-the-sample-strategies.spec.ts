import { expect, test } from '../fixtures/test.js';
import { createClassAndOpenDashboard } from '../fixtures/classroom.js';

test('a class on its own task starts without the sample strategies; the sample task brings them', async ({
  teacher,
}) => {
  const page = teacher.page;

  await test.step('the sample task fills the form in one click', async () => {
    await page.goto('/new');
    await page.getByRole('button', { name: 'Use the sample task' }).click();
    await expect(page.getByLabel('Title')).toHaveValue('Pen deal');
    await expect(page.getByLabel('Task prompt')).toHaveValue(/3 pens for \$2.*5 pens for \$3/);
  });

  await test.step('a class on linear equations opens Strategies on an empty list, not on pens', async () => {
    await createClassAndOpenDashboard(
      teacher,
      'Two ways to solve',
      'Solve 3x + 2 = 11 in two different ways.',
    );
    await page.getByRole('tab', { name: 'Strategies' }).click();
    const strategies = page.getByRole('tabpanel', { name: 'Strategies' });
    await expect(strategies.getByTestId('no-anticipations')).toBeVisible();
    await expect(strategies.getByText('Unit price')).toHaveCount(0);
  });

  await test.step('a class on the sample task starts with its strategies', async () => {
    await createClassAndOpenDashboard(teacher, 'Pen deal');
    await page.getByRole('tab', { name: 'Strategies' }).click();
    const strategies = page.getByRole('tabpanel', { name: 'Strategies' });
    await expect(strategies.getByText('Unit price', { exact: true }).first()).toBeVisible();
    await expect(strategies.getByTestId('no-anticipations')).toHaveCount(0);
  });
});
