export function NotFoundPage() {
  return (
    <section>
      <h1>Not found</h1>
      <p>
        There is no page here. <a href="/">Back to Now</a>
      </p>
    </section>
  );
}
