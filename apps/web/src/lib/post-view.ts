// A post as the thread page shows it: everything but its markdown source, which only the edit
// page needs. The page's data is serialised into its HTML for hydration, so leaving the source
// out saves as many bytes again as the rendered bodies (and the time to serialise them).
import type { Post } from '@serendip/contracts';

export type PostView = Omit<Post, 'bodySource'>;

export function toPostView(post: Post): PostView {
  const { bodySource: _source, ...view } = post;
  return view;
}
