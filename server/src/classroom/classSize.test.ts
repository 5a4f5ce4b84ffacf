import { describe, expect, it } from 'vitest';
import { createClassAsTeacher, joinAs } from '../test/classroomClient.js';
import { startTestServer } from '../test/testServer.js';

// The join code is on the classroom screen for anyone to read, and right codes are never rate-limited (a class
// shares one address): without a bound, one script joined thousands of "students", each announced to the
// teacher's dashboard, which reloads the whole roster each time.
describe('a class holds at most MAX_STUDENTS_PER_CLASS students', () => {
  it('refuses a join past it with 403 naming it; a rejoin still works, and a removal makes room', async () => {
    const server = await startTestServer({ MAX_STUDENTS_PER_CLASS: '3' });
    const teacher = await createClassAsTeacher(server);
    const joined = [];
    for (const name of ['Ana', 'Ben', 'Cy']) {
      const res = await joinAs(server, teacher.joinCode, name);
      expect(res.status).toBe(200);
      joined.push(res.body);
    }
    const full = await joinAs(server, teacher.joinCode, 'Dee');
    expect(full.status).toBe(403);
    expect(String(full.body.message)).toMatch(/full \(3 students\)/);
    expect(full.body.code).toBe('forbidden');

    // Ana's browser rejoining (a reload) is not a new student.
    expect((await joinAs(server, teacher.joinCode, 'Ana', joined[0]?.token)).status).toBe(200);
    const roster = await teacher.api.classState({ params: { classId: teacher.classId } });
    expect(roster.students).toHaveLength(3);

    const removed = await teacher.request(
      'DELETE',
      `/api/classes/${teacher.classId}/students/${joined[1]?.identity.studentId}`,
      {},
    );
    expect(removed.status).toBe(200);
    expect((await joinAs(server, teacher.joinCode, 'Dee')).status).toBe(200);

    // Another class has room of its own.
    const other = await createClassAsTeacher(server, 'Other');
    expect((await joinAs(server, other.joinCode, 'Eve')).status).toBe(200);
  });
});
