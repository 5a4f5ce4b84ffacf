import type { BoardId, BoardInfo, CreateBoardBody } from '@conjecture/shared';
import { api } from './http.js';

export const createBoard = (body: CreateBoardBody = {}): Promise<BoardInfo> => api.createBoard({ body });

export const getBoard = (boardId: BoardId): Promise<BoardInfo> => api.getBoard({ params: { boardId } });
