/**
 * socket.io rooms ("channels"), named once. A socket joins its class, its role's channel and (a student) its
 * own on connection, and a board's channel while it watches the board.
 */
export const classChannel = (classId: string) => `class:${classId}`;
export const teacherChannel = (classId: string) => `class:${classId}:teacher`;
export const projectorChannel = (classId: string) => `class:${classId}:projector`;
export const studentChannel = (studentId: string) => `student:${studentId}`;
export const boardChannel = (boardId: string) => `board:${boardId}`;
