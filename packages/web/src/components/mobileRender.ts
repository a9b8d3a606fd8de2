/**
 * antd-mobile 5 renders Toast, Dialog and ImageViewer.show through react-dom's removed legacy API; on React 19
 * they show nothing unless given createRoot. Imported once by each phone area (the resident pages, the field pages).
 */
import { unstableSetRender } from 'antd-mobile';
import { createRoot, type Root } from 'react-dom/client';

unstableSetRender((node, container) => {
  const holder = container as Element & { _jmRoot?: Root };
  holder._jmRoot ??= createRoot(container);
  const root = holder._jmRoot;
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
  };
});
