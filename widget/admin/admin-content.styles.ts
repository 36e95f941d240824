import { css } from 'lit';

/** ID-SK 2.11 content blocks for the admin screens: notices, tables, tags, summary lists, code. */
export const contentStyles = css`
  .notice {
    margin-bottom: 30px;
    padding: 15px;
    border-left: 10px solid var(--link);
    background: var(--panel);
  }
  .notice--success {
    border-color: var(--button);
  }
  .notice--warning {
    border-color: var(--button-warning);
  }
  .table-wrap {
    /* The containing block of the visually hidden texts inside, which would widen the page. */
    position: relative;
    overflow-x: auto;
    margin-bottom: 30px;
  }
  .table-wrap:focus-visible {
    outline: 3px solid var(--focus);
  }
  .table-wrap table {
    min-width: 40rem;
    margin-bottom: 0;
  }
  table {
    width: 100%;
    margin-bottom: 30px;
    border-collapse: collapse;
  }
  caption {
    margin-bottom: 10px;
    font-weight: 700;
    text-align: left;
  }
  th,
  td {
    padding: 10px 20px 10px 0;
    border-bottom: 1px solid var(--divider);
    text-align: left;
    vertical-align: top;
  }
  .numeric {
    text-align: right;
  }
  .tag {
    display: inline-block;
    padding: 5px 8px 4px;
    font-size: 0.875em;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.05em;
    color: #0c2d4a;
    background: #d2e2f1;
  }
  .tag--green {
    color: #005a30;
    background: #cce2d8;
  }
  .tag--grey {
    color: #383f43;
    background: #eeefef;
  }
  .tag--red {
    color: #942514;
    background: #f6d7d2;
  }
  .tag--yellow {
    color: #594d00;
    background: #fff7bf;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 10px 0;
    align-items: baseline;
  }
  .summary-list {
    margin: 0 0 30px;
  }
  .summary-list div {
    display: flex;
    flex-wrap: wrap;
    border-bottom: 1px solid var(--divider);
    padding: 10px 0;
  }
  .summary-list dt {
    flex: 0 0 14em;
    font-weight: 700;
  }
  .summary-list dd {
    margin: 0;
  }
  pre {
    overflow-x: auto;
    margin: 0 0 15px;
    padding: 15px;
    border: 1px solid var(--divider);
    background: var(--panel);
    font-size: 0.875em;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
`;
