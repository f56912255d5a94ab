/**
 * A detail's title: the reference the reviewer knows the inquiry by (the one in the chat), then
 * its 32-character id on a line of its own, smaller; the id alone where it has no reference. As
 * the rows name it (inquiry-row.tsx), and as a screen reader hears the title when it takes the
 * focus: the reference first.
 */
export function InquiryTitle({
  id,
  referenceId,
}: {
  id: string;
  referenceId?: string | undefined;
}) {
  if (!referenceId) return <code>{id}</code>;
  return (
    <>
      <span>{referenceId}</span> <code class="title-id">{id}</code>
    </>
  );
}
