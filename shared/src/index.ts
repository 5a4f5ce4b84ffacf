export const PRODUCT_NAME = 'Conjecture';
