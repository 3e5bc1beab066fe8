import { Table, type TableTrProps, Text } from '@mantine/core';
import { type ColumnDef, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';

type DataTableProps<T> = {
  data: T[];
  columns: ColumnDef<T, unknown>[];
  emptyText: string;
  getRowId?: (row: T) => string;
  caption?: string;
  /** Per-row attributes (id, aria-selected, onClick) for lists driven from the keyboard. */
  rowProps?: (row: T) => TableTrProps;
};

/** TanStack Table for the model, Mantine for the look: one dense, consistent table for every list. */
export function DataTable<T>({ data, columns, emptyText, getRowId, caption, rowProps }: DataTableProps<T>) {
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel(), getRowId });
  return (
    <Table striped highlightOnHover verticalSpacing={6} fz="sm" stickyHeader>
      {caption && <Table.Caption>{caption}</Table.Caption>}
      <Table.Thead>
        {table.getHeaderGroups().map((group) => (
          <Table.Tr key={group.id}>
            {group.headers.map((header) => (
              <Table.Th key={header.id} w={header.column.columnDef.size}>
                {flexRender(header.column.columnDef.header, header.getContext())}
              </Table.Th>
            ))}
          </Table.Tr>
        ))}
      </Table.Thead>
      <Table.Tbody>
        {table.getRowModel().rows.map((row) => (
          <Table.Tr key={row.id} {...rowProps?.(row.original)}>
            {row.getVisibleCells().map((cell) => (
              <Table.Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Table.Td>
            ))}
          </Table.Tr>
        ))}
        {data.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={columns.length}>
              <Text c="dimmed" ta="center" py="md">
                {emptyText}
              </Text>
            </Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}
