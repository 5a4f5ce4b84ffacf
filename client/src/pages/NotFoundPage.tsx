import { Button } from '../ui/Button.js';

export function NotFoundPage({ message = 'There is nothing at this address.' }: { message?: string }) {
  return (
    <main className="page">
      <h1>Not found</h1>
      <p>{message}</p>
      <Button asChild variant="primary">
        <a href="/">Back to the start page</a>
      </Button>
    </main>
  );
}
