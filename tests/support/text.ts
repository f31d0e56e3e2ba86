/** Text comparison for tests: the product's own normalisation (NFC, tone marks, spaces, dashes). */
export { comparable } from '@/lib/text/vietnamese';
