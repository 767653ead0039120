// The app is driven live over Socket.IO; pages render in the browser only.
export const ssr = false;
export const prerender = false;
