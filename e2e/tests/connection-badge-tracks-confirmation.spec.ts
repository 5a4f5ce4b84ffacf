import { expect, test } from '../fixtures/test.js';

test('the connection badge shows offline and unconfirmed changes, then connected and confirmed', async ({
  studentA,
}) => {
  await studentA.createBoard();
  await expect(studentA.badge).toHaveAttribute('data-state', 'connected');
  await expect(studentA.badge).toHaveText('Connected · all changes saved');

  await studentA.drawRectangle(300, 300);
  await expect(studentA.badge).toHaveText('Connected · all changes saved');

  await studentA.goOffline();
  await expect(studentA.badge).toHaveText('Offline · all changes saved');
  await studentA.drawRectangle(500, 300);
  await expect(studentA.badge).toHaveText('Offline · changes not yet saved');

  await studentA.goOnline();
  await expect(studentA.badge).toHaveText('Connected · all changes saved');
});
