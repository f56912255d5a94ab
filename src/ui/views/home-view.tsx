import { useState } from 'preact/hooks';
import { keyInfoItem } from '../../shared/storage-items.ts';
import { NoKeyNotice } from '../components/no-key-notice.tsx';
import { Tabs } from '../components/tabs.tsx';
import { useStored } from '../use-stored.ts';
import { ReviewQueue } from './review-queue.tsx';
import { useNavigation } from './router.ts';
import { SearchBox } from './search-box.tsx';
import { WatchlistPanel } from './watchlist-panel.tsx';

const tabs = [
  { key: 'watchlist', label: 'Watchlist' },
  { key: 'review', label: 'Needs review' },
] as const;

type TabKey = (typeof tabs)[number]['key'];

/** Start here: find an inquiry, create one, or pick one from the watchlist or review queue. */
export function HomeView() {
  const nav = useNavigation();
  const keyInfo = useStored(keyInfoItem);
  const [tab, setTab] = useState<TabKey>('watchlist');
  return (
    <div class="view home">
      <h2 class="sr-only">Home</h2>
      <div class="row home-top">
        <SearchBox />
        <button type="button" class="primary" onClick={() => nav.go({ name: 'create' })}>
          New inquiry
        </button>
      </div>
      {keyInfo === null ? (
        <NoKeyNotice />
      ) : (
        <Tabs label="Inquiry lists" tabs={tabs} selected={tab} onSelect={setTab}>
          {tab === 'watchlist' ? <WatchlistPanel /> : <ReviewQueue />}
        </Tabs>
      )}
    </div>
  );
}
