// Placeholder for scripts a later issue builds; it must never pretend to work.
export {};

const [name = 'this script', issue = '?'] = process.argv.slice(2);
console.error(`npm run ${name} is not built yet (tracked in issue ${issue}).`);
process.exit(1);
