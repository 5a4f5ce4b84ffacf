import {
  API_PREFIX,
  BoardInfoSchema,
  type BoardId,
  type BoardInfo,
  type CreateBoardBody,
} from '@conjecture/shared';
import { fetchJson, jsonBody } from './http.js';

export const createBoard = (body: CreateBoardBody = {}): Promise<BoardInfo> =>
  fetchJson(`${API_PREFIX}/boards`, BoardInfoSchema, jsonBody(body));

export const getBoard = (boardId: BoardId): Promise<BoardInfo> =>
  fetchJson(`${API_PREFIX}/boards/${encodeURIComponent(boardId)}`, BoardInfoSchema);
