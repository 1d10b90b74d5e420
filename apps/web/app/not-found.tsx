export default function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>
        There is nothing at this address. It may have been removed from the corpus. <a href="/">Back to the timeline</a>
      </p>
    </>
  );
}
