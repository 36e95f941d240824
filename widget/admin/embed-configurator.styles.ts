import { css } from 'lit';

/** The configurator: choices beside a bordered live preview, snippets below. */
export const embedStyles = css`
  .radios {
    display: flex;
    flex-wrap: wrap;
    gap: 0 30px;
  }
  .preview {
    margin-bottom: 30px;
    padding: 20px;
    border: 2px dashed var(--divider);
  }
  select.narrow {
    max-width: 10em;
  }
`;
