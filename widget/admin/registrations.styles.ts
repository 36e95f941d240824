import { css } from 'lit';

/** The registrations screen: the search row, the plain seat lists, the row actions. */
export const registrationsStyles = css`
  .search {
    display: flex;
    flex-wrap: wrap;
    gap: 0 20px;
    align-items: flex-end;
  }
  .search .field {
    flex: 1 1 12em;
    margin-bottom: 20px;
  }
  .search button {
    margin-bottom: 20px;
  }
  ul.plain {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .row-actions {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 8px;
  }
  .person {
    font-weight: 700;
  }
  .confirm h2:focus,
  .result:focus {
    outline: 3px solid var(--focus);
  }
`;
