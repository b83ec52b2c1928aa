// The search feature's door: the header's box (the results page is a route).
export { SearchBox } from './components/search-box';
