import { css } from 'lit';

/** The page frame: the ID-SK 2 black header bar with the service name, the width container. */
export const appStyles = css`
  .header {
    border-bottom: 10px solid var(--link);
    color: #ffffff;
    background: var(--text);
  }
  .header a,
  .header .link-button {
    color: #ffffff;
  }
  .header a:focus-visible,
  .header .link-button:focus-visible {
    color: var(--text);
  }
  .width {
    max-width: 960px;
    margin: 0 15px;
  }
  @media (min-width: 40.0625em) {
    .width {
      margin: 0 30px;
    }
  }
  @media (min-width: 1020px) {
    .width {
      margin: 0 auto;
    }
  }
  .header .width {
    display: flex;
    flex-wrap: wrap;
    gap: 10px 30px;
    align-items: baseline;
    padding: 10px 0;
  }
  .service-name {
    font-size: 1.5rem;
    font-weight: 700;
    text-decoration: none;
    margin-right: auto;
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0 20px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  nav a[aria-current='page'] {
    font-weight: 700;
  }
  .who {
    font-size: 0.875em;
  }
  main {
    padding: 30px 0 60px;
  }
`;
