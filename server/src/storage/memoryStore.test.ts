import { boardStoreContract } from './boardStore.contract.js';
import { MemoryStore } from './memoryStore.js';

boardStoreContract('MemoryStore', () => new MemoryStore(), null);
