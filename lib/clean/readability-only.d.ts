/**
 * Readability's class file alone. The package's index also requires isProbablyReaderable, which
 * nothing here calls and which cost the reader script 0.7 KB gzip (its goal is 60 KB); the class
 * file exports the class as `module.exports`, typed by the package's own declarations.
 */
declare module '@mozilla/readability/Readability.js' {
  const Readability: typeof import('@mozilla/readability').Readability;
  export default Readability;
}
